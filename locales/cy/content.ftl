# Geiriau a rennir gan y sgriniau a'r dogfennau y mae Waymark yn eu cadw. Mae'r ids yn sefydlog;
# gall y geiriau newid.

## Ieithoedd, pob un yn ei henw ei hun
language-en-GB = English
language-cy = Cymraeg

## I bwy mae proffil
role-young_person = Person ifanc
role-carer = Gofalwr maeth

## Beth all person ifanc ei ddweud
kind-review_preparation = Paratoi ar gyfer fy adolygiad
kind-worried = Rydw i'n poeni
kind-good_news = Newyddion da
kind-change_something = Rydw i eisiau i rywbeth newid
kind-service_feedback = Adborth am wasanaeth
kind-not_safe = Dydw i ddim yn teimlo'n ddiogel

## Ble mae datganiad wedi cyrraedd
status-draft = Drafft
status-ready = Yn barod
status-shared = Wedi'i rannu
status-received = Wedi'i dderbyn
status-read = Wedi'i ddarllen

## Yr wynebau y mae person ifanc yn dewis ohonynt
face-1 = Anhapus iawn
face-2 = Anhapus
face-3 = Iawn
face-4 = Hapus
face-5 = Hapus iawn

## Pa mor bell mae cam gweithredu mewn cynllun wedi mynd
action-not_started = Heb ddechrau
action-in_progress = Wedi dechrau
action-done = Wedi'i wneud

## Rhannau cynllun llwybr
matter-personal_support = Cymorth personol
matter-education_or_training = Addysg neu hyfforddiant
matter-employment = Gwaith a phethau eraill i'w gwneud
matter-contingency_plans = Os aiff pethau o chwith
matter-accommodation = Ble rydw i'n byw
matter-family_and_social_relationships = Teulu a ffrindiau
matter-practical_skills = Sgiliau ar gyfer byw ar fy mhen fy hun
matter-financial_support = Arian
matter-health = Iechyd, gan gynnwys iechyd meddwl
matter-identity = Pwy ydw i

## Pynciau polisi gofal mwy diogel: pennawd, a'r cwestiynau sy'n helpu i'w ysgrifennu
topic-who_lives_and_visits = Pwy sy'n byw yma a phwy sy'n ymweld
topic-who_lives_and_visits-prompt = Pwy sy'n byw yn eich cartref? Pwy sy'n ymweld yn aml neu'n aros dros nos? Sut ydych chi'n rhoi gwybod i blentyn pwy fydd o gwmpas?
topic-privacy_bathrooms_bedrooms = Preifatrwydd, ystafelloedd ymolchi ac ystafelloedd gwely
topic-privacy_bathrooms_bedrooms-prompt = Sut mae pawb yn cael preifatrwydd wrth ymolchi a gwisgo? Pwy sy'n mynd i ystafell wely pwy, ac ydych chi'n curo'r drws yn gyntaf?
topic-touch_and_comfort = Cyffwrdd a chysuro
topic-touch_and_comfort-prompt = Sut ydych chi'n cysuro plentyn sydd wedi ypsetio? Sut ydych chi'n gwirio pa fath o gwtsh neu gyffyrddiad sy'n iawn ganddyn nhw?
topic-online_and_phones = Ar-lein, ffonau a sgriniau
topic-online_and_phones-prompt = Beth yw'r rheolau ar gyfer ffonau, gemau a'r rhyngrwyd? Ble mae sgriniau'n cael eu defnyddio, a beth sy'n digwydd yn ystod y nos?
topic-photos = Lluniau a rhannu delweddau
topic-photos-prompt = Pryd ydych chi'n tynnu lluniau? Pwy sy'n gallu eu gweld, a beth sydd byth yn cael ei bostio ar-lein?
topic-babysitting = Gwarchod plant a gofalwyr eraill
topic-babysitting-prompt = Pwy sy'n gofalu am y plentyn os ydych chi allan? Beth sydd angen iddyn nhw ei wybod, a phwy sydd wedi cael eu gwirio?
topic-transport = Teithio o gwmpas
topic-transport-prompt = Pwy sy'n gyrru'r plentyn, a ble maen nhw'n eistedd? Beth am gael pàs gyda ffrindiau, neu dacsis?
topic-if_a_concern_is_raised = Beth rydyn ni'n ei wneud os codir pryder
topic-if_a_concern_is_raised-prompt = Beth fyddwch chi'n ei wneud os bydd plentyn yn dweud rhywbeth sy'n peri pryder wrthych chi, neu os yw rhywun yn poeni am eich aelwyd? Pwy fyddwch chi'n ei ffonio?
topic-other = Unrhyw beth arall
topic-other-prompt = Unrhyw beth arall sy'n cadw pawb yn eich cartref yn ddiogel ac yn gyfforddus.

## Beth y gellir ei rannu gyda'r gwasanaeth, fel y byddai'r person yn ei ddweud
shareable-statement = pethau rydych chi'n eu dweud (atebion adolygu a negeseuon)
shareable-pathway_note = nodiadau llwybr rydych chi'n dewis eu rhannu
shareable-safer_caring_policy = eich polisi gofal mwy diogel
shareable-learning_entry = eich cofnod dysgu

## Mathau o ddysgu yng nghofnod gofalwr
learning-course = Cwrs
learning-reading = Darllen
learning-webinar = Gweminar
learning-support_group = Grŵp cymorth
learning-other = Arall

## Pwy i'w ffonio, wedi'i gadw yn yr ap fel ei fod yn dangos heb rwydwaith
helpline-childline = Childline
helpline-childline-note = Am ddim, unrhyw bryd, ddydd neu nos. Fydd e ddim yn dangos ar eich bil ffôn.
helpline-emergency = Argyfwng
helpline-emergency-note = Os ydych chi mewn perygl ar hyn o bryd.

## Amser a dreuliwyd
duration-minutes = { $minutes } mun
duration-hours = { $hours } awr
duration-hours-minutes = { $hours } awr { $minutes } mun

## Beth newidiodd rhwng dwy fersiwn o gynllun (geiriau'r cynllun ei hun yw'r gwerthoedd)
plan-change-title = Newidiodd enw'r cynllun o "{ $from }" i "{ $to }".
plan-change-summary = Newidiodd crynodeb y cynllun.
plan-change-next-review = Mae eich adolygiad nesaf nawr ar { $date }.
plan-change-no-next-review = Dydy'r cynllun ddim yn rhoi dyddiad ar gyfer eich adolygiad nesaf mwyach.
plan-change-goal-added = Nod newydd: { $text }
plan-change-goal-removed = Nod wedi'i dynnu allan: { $text }
plan-change-goal-changed = Newidiodd nod o "{ $from }" i "{ $to }".
plan-change-action-added = Cam gweithredu newydd: { $text }
plan-change-action-removed = Cam gweithredu wedi'i dynnu allan: { $text }
plan-change-action-wording = "{ $text }": newidiodd y geiriad o "{ $from }" i "{ $to }".
plan-change-action-owner = "{ $text }": newidiodd pwy sy'n ei wneud o "{ $from }" i "{ $to }".
plan-change-action-due = "{ $text }": newidiodd y dyddiad targed o "{ $from }" i "{ $to }".
plan-change-action-status = "{ $text }": newidiodd y statws o "{ $from }" i "{ $to }".
plan-change-status-not_started = heb ddechrau
plan-change-status-in_progress = ar y gweill
plan-change-status-done = wedi'i wneud
