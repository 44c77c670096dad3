"""Makes tests/ a package, so tests/discord/ does not shadow the discord library."""
