// Fetch module
