"""The client's rights: subject access requests and packs, retention review, anonymising."""
