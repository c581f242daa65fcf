# Words shared by the screens and the documents Waymark saves: kinds of things, their states,
# the plan's matters, the policy's topics. Ids are stable; the words may change.

## Languages, each named in itself
language-en-GB = English
language-cy = Cymraeg

## Who a profile is for
role-young_person = Young person
role-carer = Foster carer

## What a young person can say
kind-review_preparation = Getting ready for my review
kind-worried = I'm worried
kind-good_news = Good news
kind-change_something = I want something to change
kind-service_feedback = Feedback about a service
kind-not_safe = I don't feel safe

## Where a statement has got to
status-draft = Draft
status-ready = Ready
status-shared = Shared
status-received = Received
status-read = Read

## The faces a young person picks from
face-1 = Very unhappy
face-2 = Unhappy
face-3 = OK
face-4 = Happy
face-5 = Very happy

## How far an action in a plan has got
action-not_started = Not started
action-in_progress = Started
action-done = Done

## The parts of a pathway plan
matter-personal_support = Personal support
matter-education_or_training = Education or training
matter-employment = Work and other things to do
matter-contingency_plans = If things go wrong
matter-accommodation = Where I live
matter-family_and_social_relationships = Family and friends
matter-practical_skills = Skills for living on my own
matter-financial_support = Money
matter-health = Health, including mental health
matter-identity = Who I am

## The topics of a safer-caring policy: a heading, and the questions that help write it
topic-who_lives_and_visits = Who lives here and who visits
topic-who_lives_and_visits-prompt = Who lives in your home? Who visits often or stays over? How do you let a child know who will be around?
topic-privacy_bathrooms_bedrooms = Privacy, bathrooms and bedrooms
topic-privacy_bathrooms_bedrooms-prompt = How does everyone get privacy when washing and dressing? Who goes into whose bedroom, and do you knock first?
topic-touch_and_comfort = Touch and comfort
topic-touch_and_comfort-prompt = How do you comfort a child who is upset? How do you check what kind of hug or touch they are happy with?
topic-online_and_phones = Online, phones and screens
topic-online_and_phones-prompt = What are the rules for phones, games and the internet? Where are screens used, and what happens at night?
topic-photos = Photos and sharing images
topic-photos-prompt = When do you take photos? Who can see them, and what is never posted online?
topic-babysitting = Babysitting and other carers
topic-babysitting-prompt = Who looks after the child if you are out? What do they need to know, and who has been checked?
topic-transport = Getting around
topic-transport-prompt = Who drives the child, and where do they sit? What about lifts with friends or taxis?
topic-if_a_concern_is_raised = What we do if a concern is raised
topic-if_a_concern_is_raised-prompt = What will you do if a child tells you something worrying, or if someone is worried about your household? Who do you call?
topic-other = Anything else
topic-other-prompt = Anything else that keeps everyone in your home safe and comfortable.

## What can be shared with the service, said as the person would
shareable-statement = the things you say (review answers and messages)
shareable-pathway_note = pathway notes you choose to share
shareable-safer_caring_policy = your safer-caring policy
shareable-learning_entry = your learning log

## Kinds of learning in a carer's log
learning-course = Course
learning-reading = Reading
learning-webinar = Webinar
learning-support_group = Support group
learning-other = Other

## Who to call, held in the app so it shows with no network
helpline-childline = Childline
helpline-childline-note = Free, any time, day or night. It won't show on your phone bill.
helpline-emergency = Emergency
helpline-emergency-note = If you are in danger right now.

## Time spent
duration-minutes = { $minutes } min
duration-hours = { $hours } h
duration-hours-minutes = { $hours } h { $minutes } min

## What changed between two versions of a plan (values are the plan's own words)
plan-change-title = The plan's name changed from "{ $from }" to "{ $to }".
plan-change-summary = The plan's summary changed.
plan-change-next-review = Your next review is now on { $date }.
plan-change-no-next-review = The plan no longer gives a date for your next review.
plan-change-goal-added = New goal: { $text }
plan-change-goal-removed = Goal taken out: { $text }
plan-change-goal-changed = Goal changed from "{ $from }" to "{ $to }".
plan-change-action-added = New action: { $text }
plan-change-action-removed = Action taken out: { $text }
plan-change-action-wording = "{ $text }": wording changed from "{ $from }" to "{ $to }".
plan-change-action-owner = "{ $text }": owner changed from "{ $from }" to "{ $to }".
plan-change-action-due = "{ $text }": due date changed from "{ $from }" to "{ $to }".
plan-change-action-status = "{ $text }": status changed from "{ $from }" to "{ $to }".
plan-change-status-not_started = not started
plan-change-status-in_progress = in progress
plan-change-status-done = done
