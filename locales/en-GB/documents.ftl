# The documents Waymark saves when a person asks: what they say and their names.

## The recovery code, saved as a text file
recovery-document-name = Waymark recovery code - { $name }
recovery-document =
    Waymark recovery code for { $name }

    { $code }

    If you forget your passphrase, this code opens your profile.
    Keep it somewhere safe, away from this laptop. Anyone with it and this laptop can open your profile.

## The safer-caring policy, saved as a page to print or share
policy-document-name = Safer-caring policy - { $household }
policy-document-title = Safer-caring policy – { $household }
policy-document-heading = Our safer-caring policy
policy-document-reviewed = Last reviewed together: { $date }
policy-document-next-review = Next review: { $date }

## The learning log, saved as a spreadsheet (CSV): its column names
learning-document-name = Learning log - { $name }
learning-csv-date = Date
learning-csv-kind = Kind
learning-csv-title = Title
learning-csv-hours = Hours
learning-csv-notes = Notes
