// The mlplab executable: the command-line surface over the library targets.
print("mlplab")
