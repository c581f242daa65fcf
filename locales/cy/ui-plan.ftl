# Fy nghynllun, Fy nodiadau, y tudalennau help ac Adnoddau (y llyfrgell), a'r botwm "dangos mwy" o dan restrau hir.

## Fy nghynllun
plan-heading = Fy nghynllun
plan-empty = Dydy eich cynllun ddim yma eto. Pan fydd eich gweithiwr cymdeithasol neu'ch cynghorydd personol yn ei anfon, byddwch chi'n ei weld yma.
# $kind yw pathway_plan neu care_plan; $from yw'r dyddiad mae'r cynllun yn dechrau.
plan-about = { $kind ->
    [pathway_plan] Cynllun llwybr
   *[other] Cynllun gofal
} · fersiwn { $version } · o { $from } ymlaen
# Daw'r dyddiad ar ôl hwn, mewn print trwm.
plan-next-review = Adolygiad nesaf:
plan-changed-since = Beth sydd wedi newid ers fersiwn { $version }
plan-nothing-changed = Does dim byd wedi newid.
# Y pennawd ar gyfer nodau sydd ddim am un rhan o'r cynllun.
plan-other-things = Pethau eraill
# "cam" ar ôl y rhif: dau gam, tri cham, chwe cham.
plan-progress = { $total ->
    [0] Dim camau eto
    [one] { $done } o { $total } cam wedi'i wneud
    [two] { $done } o { $total } gam wedi'u gwneud
    [few] { $done } o { $total } cham wedi'u gwneud
    [many] { $done } o { $total } cham wedi'u gwneud
   *[other] { $done } o { $total } cam wedi'u gwneud
}
# Erbyn pryd y dylai cam gweithredu gael ei wneud.
plan-action-due = erbyn { $due }

## Fy nodiadau
notes-heading = Fy nodiadau
notes-intro = Nodiadau am sut mae pethau'n mynd. Dim ond chi sy'n gallu eu gweld, oni bai eich bod chi'n dewis rhannu un.
notes-new-label = Nodyn newydd
notes-change-label = Newid eich nodyn
notes-matter-label = Am beth mae'n sôn? (gallwch chi adael hwn)
notes-matter-none = Dim un peth penodol
notes-progress-label = Pa mor bell ydych chi wedi mynd? (gallwch chi adael hwn)
notes-progress-none = Well gen i beidio â dweud
notes-progress-0 = Heb ddechrau
notes-progress-25 = Ychydig o'r ffordd
notes-progress-50 = Hanner ffordd
notes-progress-75 = Bron yno
notes-progress-100 = Wedi gorffen
notes-save = Cadw'r nodyn
notes-save-changes = Cadw'r newidiadau
notes-cancel = Canslo
notes-saved = Nodyn wedi'i gadw.
notes-changed = Nodyn wedi'i newid.
notes-none = Dim nodiadau eto.
notes-progress-percent = { $percent }% o'r ffordd
notes-shared = Wedi'i rannu
notes-private = Dim ond chi sy'n gallu gweld hwn
# Y botwm i newid nodyn; mae darllenwyr sgrin hefyd yn clywed notes-change-which ar ei ôl.
notes-change = Newid
notes-change-which = y nodyn a ysgrifennwyd ar { $date }

## Y tudalennau help ac Adnoddau
library-back = ← Yn ôl i'r rhestr
library-heading-help = Help a chyngor
library-heading-resources = Adnoddau
library-offline = Mae'r tudalennau hyn yn gweithio heb y rhyngrwyd.
library-search = Chwilio
library-topic = Pwnc
library-all-topics = Pob pwnc
library-only-bookmarks = Dim ond fy nodau tudalen
library-count = { $count ->
    [0] Dim byd wedi'i ddarganfod. Rhowch gynnig ar eiriau eraill.
    [one] Wedi dod o hyd i un
   *[other] Wedi dod o hyd i { $count }
}
library-for-young-people = Ar gyfer pobl ifanc
library-for-carers = Ar gyfer gofalwyr maeth
# "munud" ar ôl y rhif: dau funud.
library-minutes = { $minutes ->
    [one] Munud o ddarllen
    [two] { $minutes } funud o ddarllen
   *[other] { $minutes } munud o ddarllen
}
# $checked yw'r dyddiad y cafodd y dudalen ei gwirio ddiwethaf.
library-article-about = { $minutes ->
    [one] Munud o ddarllen
    [two] { $minutes } funud o ddarllen
   *[other] { $minutes } munud o ddarllen
} · Gwiriwyd { $checked }
library-bookmark = ☆ Gosod nod tudalen
library-bookmarked = ★ Nod tudalen wedi'i osod
library-mark-read = Nodi fel wedi'i ddarllen
library-read = ✔ Wedi'i ddarllen
# $sources yw'r mannau y daw cyngor y dudalen ohonyn nhw.
library-sources = Wedi'i ysgrifennu ar gyfer Waymark yn ein geiriau ein hunain. Mae'n tynnu ar: { $sources }.
library-source-builtin = Mae'r tudalennau hyn yn dod gyda Waymark (fersiwn { $version }).
library-source-local = Cafodd y tudalennau hyn eu gosod o ffeil ar y gliniadur hwn (fersiwn { $version }).
# $until is a date.
library-source-published = Cafodd y tudalennau hyn eu cyhoeddi gan eich gwasanaeth (fersiwn { $version }). Mae Waymark yn eu defnyddio tan { $until }. Ar ôl hynny mae'n mynd yn ôl i'r tudalennau sy'n dod gydag ef, oni bai bod eich gwasanaeth yn eu cyhoeddi eto.
library-reset = Mynd yn ôl i'r tudalennau sy'n dod gyda Waymark
library-reset-hint = Fyddwch chi ddim yn colli dim byd rydych chi wedi'i gadw. Os yw eich gwasanaeth yn cyhoeddi tudalennau, byddan nhw'n dod yn ôl y tro nesaf mae Waymark yn gwirio gydag ef.
library-reset-done = Mae'r tudalennau sy'n dod gyda Waymark yn ôl.

## Y botwm o dan restr hir: $count i'w dangos nawr, $hidden yn dal yn gudd
more-notes = { $count ->
    [one] Dangos { $count } nodyn arall ({ $hidden } yn dal yn gudd)
   *[other] Dangos { $count } o nodiadau eraill ({ $hidden } yn dal yn gudd)
}
more-messages = { $count ->
    [one] Dangos { $count } neges arall ({ $hidden } yn dal yn gudd)
   *[other] Dangos { $count } o negeseuon eraill ({ $hidden } yn dal yn gudd)
}
# Yn cael ei ddangos uwchben y llyfrgell i ddarllenydd a ddewisodd iaith arall
library-english-only = Mae'r dudalen hon ar gael yn Saesneg yn unig ar hyn o bryd.
library-some-english = Mae rhai o'r tudalennau hyn ar gael yn Saesneg yn unig ar hyn o bryd. Maen nhw'n dweud "Yn Saesneg".
library-in-english = Yn Saesneg
