# The documents Waymark saves when a person asks: what they say and their names.

## The recovery code, saved as a text file
recovery-document-name = Waymark recovery code - { $name }
recovery-document =
    Waymark recovery code for { $name }

    { $code }

    If you forget your passphrase, this code opens your profile.
    Keep it somewhere safe, away from this laptop. Anyone with it and this laptop can open your profile.
