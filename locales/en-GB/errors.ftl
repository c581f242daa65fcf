# What goes wrong, said so a person can act on it. Each id is error-<code>, the code the
# core and the shell send with every refusal.

## Opening a profile
error-wrong_passphrase = That passphrase is not right. Check caps lock and try again.
error-too_many_attempts = { $seconds ->
    [one] Too many wrong tries. Please wait { $seconds } second, then try again.
   *[other] Too many wrong tries. Please wait { $seconds } seconds, then try again.
}
error-wrong_recovery_code = That recovery code is not right. Check each group of letters and numbers.
error-weak_passphrase = { $problem ->
    [too_short] That passphrase is too easy to guess: use at least 10 characters. Three random words work well.
    [repetitive] That passphrase is too easy to guess: it repeats the same few letters. Try three random words.
    [common] That passphrase is too easy to guess: it is mostly '{ $word }', which is one of the first things people guess.
   *[untypable] That passphrase is too easy to guess: it holds characters a keyboard cannot type, so you could not type it again.
}
error-profile_not_found = There is no profile called '{ $name }' on this computer.
error-profile_name_taken = There is already a profile called '{ $name }'. Please choose another name.
error-locked = Waymark is locked. Open your profile first.
error-confirm_mismatch = Type your profile name, { $name }, exactly to delete it.

## Damage and faults
error-integrity = Record { $record } could not be opened: it has been changed or damaged on disk. Your other records are not affected.
error-damaged_key = The saved keys for this profile are damaged, so it cannot be opened.
error-kdf_below_floor = The key settings stored for this profile are weaker than Waymark allows, so it will not use them.
error-storage = The vault could not be read or written. Please restart Waymark. If it keeps happening, download all your information from Sharing and privacy.
error-io = A file could not be read or written. Check there is space on this laptop and try again.
error-internal = Waymark hit an internal problem. Please restart it.
error-window = Could not hide the window.

## Sharing with the service
error-no_invite = Paste your invite code and check it first.
error-not_connected = Connect to your service first, in Sharing and privacy.
error-unreachable = The service could not be reached. Your things stay in the outbox and will be sent later.
error-untrusted_certificate = The service's address did not prove who it is (its security certificate is not trusted on this laptop). Ask the service to check its certificate, or your IT team to install your organisation's certificate authority.
error-mail_refused = Something from the service was refused, because it could not be checked as coming from your service.
