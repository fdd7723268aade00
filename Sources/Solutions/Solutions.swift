// Solutions module
