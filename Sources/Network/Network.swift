// Network module
