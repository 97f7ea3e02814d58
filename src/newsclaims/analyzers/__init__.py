"""The built-in analyzers. Each module is a plugin, registered by name like a third-party one."""
