"""Keys and the vault: unlock, create, passphrase and recovery key, the Vault view."""
