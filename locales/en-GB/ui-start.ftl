# The start screen (open, make or recover a profile), the recovery code, the passphrase strength meter and Settings.

## Start: choosing and opening a profile
start-choose-profile-first = Choose your profile first.
start-who-are-you = Who are you?
# After a profile's name in the list; $role is "Young person" or "Foster carer".
start-profile-role = ({ $role })
start-passphrase-hint = At least 10 characters. Three random words are easy to remember and hard to guess.
start-suggest = Suggest three words
start-show-typed = Show what I typed
start-unlock-heading = Open your profile
start-passphrase = Passphrase
start-opening = Opening…
start-open = Open
start-forgot = I forgot my passphrase
start-make-new = Make a new profile

## Start: getting back in with a recovery code
start-recover-heading = Get back in with your recovery code
# Followed by a sample code, "7K2M-QX9D-…".
start-recover-intro = Your recovery code is the one you printed or saved when you made your profile. It looks like
start-recovery-code = Recovery code
start-new-passphrase = New passphrase
start-checking = Checking…
start-set-new-passphrase = Set my new passphrase
start-restore-link = Bring back a locked copy
start-restore-heading = Bring back a locked copy
start-restore-intro = If you saved a locked copy of your profile (in Sharing and privacy), you can bring it back here, on this laptop or a new one. It comes back as a new profile with everything that was in the copy.
start-restore-file = The locked copy (a file ending in .waymark)
start-restore-passphrase = The passphrase you had when you saved it
start-restore-name = A name for it here (optional)
start-restore-name-hint = Only needed if there is already a profile with the name in the copy.
start-restore = Bring it back
start-restore-back = Back
start-back-to-unlock = Back to open a profile

## Start: making a profile
start-create-heading = Make your profile
start-your-name = Your name
# The question the next two choices finish: "I am" "a young person" / "a foster carer".
start-i-am = I am
start-role-young-person = a young person
start-role-carer = a foster carer
start-making = Making…
start-make-my-profile = Make my profile

## The recovery code, shown once
recovery-heading = Your recovery code
recovery-only-way = If you forget your passphrase, this code is the only way back in. Nobody else has a copy, not even us.
recovery-keep-safe = Print it or save it, then keep it somewhere safe. We will only show it this once.
recovery-print = Print it
recovery-save = Save it as a file
# $path is where the file was saved.
recovery-save-warning = Anyone who finds this file can use the code to open your profile. Printing it and keeping the paper somewhere safe is better. If you save it, its name will not say what it is: move it somewhere only you can get to, like a USB stick you keep safe, and do not leave it on a laptop other people use.
recovery-save-anyway = Save the file
recovery-saved = Saved to { $path }
recovery-check-label = To check you have it, type the last four characters of your code
recovery-kept = I have kept it safe
recovery-not-end = That is not the end of your code. Type the last four characters: the ones after the last dash.

## How hard a new passphrase is to guess
# Followed by the level in bold, e.g. "Strength: Good".
strength-label = Strength:
strength-too-weak = Too easy to guess
strength-okay = OK
strength-good = Good
strength-strong = Strong

## Settings
settings-heading = Settings
settings-saved = Saved
settings-text-size = Text size
settings-text-standard = Standard
settings-text-large = Large
settings-text-larger = Larger
settings-dyslexia-font = Easier-to-read letters (a plain font with more space between letters and lines)
settings-high-contrast = High contrast
settings-idle-label = Lock Waymark after this many minutes with nothing happening (1 to 60)
settings-idle-invalid = Lock after: choose a whole number of minutes between 1 and 60.
settings-save = Save
settings-passphrase-intro = Everything you keep is locked again with a new key, so the old passphrase and your old recovery code stop working, even on a copy of Waymark's folder. You get a new recovery code.
settings-resealing = Locking your records again with a new key
settings-passphrase-heading = Change my passphrase
settings-passphrases-differ = The two new passphrases are not the same. Type them again.
settings-passphrase-changed = Your passphrase is changed. Use the new one next time. Your recovery code has changed too: write down the new one now.
settings-passphrase-now = Passphrase now
settings-new-passphrase = New passphrase
settings-new-passphrase-again = New passphrase again
settings-change-passphrase = Change passphrase
settings-recovery-heading = My recovery code
settings-recovery-intro = Lost your recovery code, or did not keep it? Make a new one. The old one stops working straight away.
settings-your-passphrase = Your passphrase
settings-new-recovery-code = Make a new recovery code

## Choosing a language: on the start screen (in both languages, so either reader finds it) and in Settings
start-language = Language · Iaith
settings-language = Language
# What a recovery code looks like (the same in every language)
start-recovery-code-sample = 7K2M-QX9D-…

# The meter's reason a passphrase is refused (after "Strength: Too easy to guess")
strength-problem = { $problem ->
    [too_short] : use at least 10 characters. Three random words work well.
    [repetitive] : it repeats the same few letters. Try three random words.
    [common] : it is mostly '{ $word }', which is one of the first things people guess.
   *[untypable] : it holds characters a keyboard cannot type, so you could not type it again.
}

## What the check at unlock found, when Waymark's folder was changed while it was closed
vault-check-heading = Something here was changed while Waymark was closed
vault-check-intro = Each time you open Waymark it checks that what it keeps on this laptop is as you left it. This time it found a change it did not make, in:
vault-check-still-here = Everything that still opens is here. Someone who can use this laptop may have changed it, or the disk may be failing. If you are worried, tell someone you trust.
vault-check-nothing-sent = Nothing will be sent until you choose what to do, because Waymark cannot be sure what you said yes to sharing.
vault-check-choose = What would you like to do?
vault-check-keep = Keep what opens
vault-check-keep-consent = Waymark keeps everything that opens and checks it from now on. Every yes you gave to sharing ends, and the service is asked to delete what it holds. You can say yes again in Sharing and privacy.
vault-check-keep-plain = Waymark keeps everything that opens and checks it from now on. Your choices about sharing stay as they are.
vault-check-look = Look first
vault-check-look-words = See what is here, and download all your information from Sharing and privacy if you want a copy. There you can also delete this profile and start again. Nothing is sent meanwhile.
vault-check-banner = Waymark found a change it did not make. Nothing will be sent until you choose what to do.
vault-check-choose-now = Choose now
vault-check-look-words-worker = See what is here before you choose. Nothing is sent meanwhile. If you think someone changed this laptop, tell your manager or IT team.
