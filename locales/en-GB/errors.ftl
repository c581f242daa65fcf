# What goes wrong, said so a person can act on it. Each id is error-<code>, the code the
# core and the shell send with every refusal.
