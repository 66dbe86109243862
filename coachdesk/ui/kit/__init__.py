"""The toolkit under every feature: the route to work, tasks, errors, the look, shared widgets."""
