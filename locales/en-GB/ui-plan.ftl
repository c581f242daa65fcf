# My plan, My notes, the help pages and Resources (the library), and the "show more" button under long lists.

## My plan
plan-heading = My plan
plan-empty = Your plan is not here yet. When your social worker or personal adviser sends it, you will see it here.
# $kind is pathway_plan or care_plan; $from is the date the plan starts.
plan-about = { $kind ->
    [pathway_plan] Pathway plan
   *[other] Care plan
} · version { $version } · from { $from }
# Followed by the date, in bold.
plan-next-review = Next review:
plan-changed-since = What changed since version { $version }
plan-nothing-changed = Nothing changed.
# The heading for goals that are not about one part of the plan.
plan-other-things = Other things
plan-progress = { $total ->
    [0] No steps yet
    [one] { $done } of { $total } step done
   *[other] { $done } of { $total } steps done
}
# When an action should be done by.
plan-action-due = by { $due }

## My notes
notes-heading = My notes
notes-intro = Notes about how things are going. Only you can see them unless you choose to share one.
notes-new-label = New note
notes-change-label = Change your note
notes-matter-label = What is it about? (you can leave this)
notes-matter-none = Not one thing
notes-progress-label = How far along are you? (you can leave this)
notes-progress-none = Not saying
notes-progress-0 = Not started
notes-progress-25 = A little way
notes-progress-50 = Halfway
notes-progress-75 = Nearly there
notes-progress-100 = Done
notes-save = Save note
notes-save-changes = Save changes
notes-cancel = Cancel
notes-saved = Note saved.
notes-changed = Note changed.
notes-none = No notes yet.
notes-progress-percent = { $percent }% of the way
notes-shared = Shared
notes-private = Only you can see this
# The button to change a note; screen readers also hear notes-change-which after it.
notes-change = Change
notes-change-which = the note from { $date }

## The help pages and Resources
library-back = ← Back to the list
library-heading-help = Help and guidance
library-heading-resources = Resources
library-offline = These pages work without the internet.
library-search = Search
library-topic = Topic
library-all-topics = All topics
library-only-bookmarks = Only my bookmarks
library-count = { $count ->
    [0] Nothing found. Try other words.
   *[other] { $count } found
}
library-for-young-people = For young people
library-for-carers = For foster carers
library-minutes = { $minutes } minute read
# $checked is the date the page was last checked.
library-article-about = { $minutes } minute read · Checked { $checked }
library-bookmark = ☆ Bookmark
library-bookmarked = ★ Bookmarked
library-mark-read = Mark as read
library-read = ✔ Read
# $sources lists where the page's advice comes from.
library-sources = Written for Waymark in our own words. It draws on: { $sources }.
library-source-builtin = These pages come with Waymark (version { $version }).
library-source-local = These pages were installed from a file on this laptop (version { $version }).
# $until is a date.
library-source-published = These pages were published by your service (version { $version }). Waymark uses them until { $until }. After that it goes back to the pages that come with it, unless your service publishes them again.
library-reset = Go back to the pages that come with Waymark
library-reset-hint = Nothing you saved is lost. If your service publishes pages, they come back the next time Waymark checks with it.
library-reset-done = The pages that come with Waymark are back.

## The button under a long list: $count more to show now, $hidden not shown yet
more-notes = { $count ->
    [one] Show { $count } more note ({ $hidden } not shown yet)
   *[other] Show { $count } more notes ({ $hidden } not shown yet)
}
more-messages = { $count ->
    [one] Show { $count } more message ({ $hidden } not shown yet)
   *[other] Show { $count } more messages ({ $hidden } not shown yet)
}
# Shown above the library to a reader who chose another language
library-english-only = This page is in English only for now.
library-some-english = Some of these pages are in English only for now. They say "In English".
library-in-english = In English
