"""The questionnaires every practice starts with: intake, session preparation, mid-engagement
feedback and end-of-engagement evaluation. Written in the coach's language when first seeded;
the coach edits them like any other."""

from __future__ import annotations

from dataclasses import dataclass

from coachdesk.i18n import _
from coachdesk.model.enums import AnswerMapping, QuestionKind
from coachdesk.services.questionnaires.questions import Question

K = QuestionKind
M = AnswerMapping
INTAKE = "intake"
PREPARATION = "preparation"
MIDPOINT = "midpoint"
EVALUATION = "evaluation"


@dataclass(frozen=True)
class Shipped:
    key: str
    title: str
    introduction: str
    questions: tuple[Question, ...]


def shipped() -> list[Shipped]:
    """The shipped templates, translated now."""
    return [
        Shipped(
            INTAKE,
            _("Welcome questionnaire"),
            _(
                "Thank you for choosing to work together. These questions help us make the best"
                " use of our first session. Answer as much or as little as you like; everything"
                " you write stays between us."
            ),
            (
                Question(K.LONG_TEXT, _("What brings you to coaching now?"), required=True),
                Question(
                    K.SHORT_TEXT,
                    _("What is the main goal you would like to work on?"),
                    mapping=M.GOAL,
                    in_report=True,
                ),
                Question(
                    K.SCALE,
                    _("Where are you now on that goal, from 0 (not started) to 10 (achieved)?"),
                    mapping=M.GOAL_NOW,
                ),
                Question(
                    K.LONG_TEXT,
                    _("What would success look like at the end of our work together?"),
                    in_report=True,
                ),
                Question(
                    K.LONG_TEXT,
                    _("Have you had coaching, counselling or therapy before? What was it like?"),
                ),
                Question(
                    K.SINGLE_CHOICE,
                    _("How do you prefer to be contacted between sessions?"),
                    choices=(_("Email"), _("Phone call"), _("Text message")),
                ),
                Question(K.SHORT_TEXT, _("Your phone number"), mapping=M.PHONE),
                Question(K.LONG_TEXT, _("Your postal address"), mapping=M.POSTAL_ADDRESS),
                Question(K.DATE, _("Your date of birth"), mapping=M.DATE_OF_BIRTH),
                Question(
                    K.SHORT_TEXT,
                    _("Who should be contacted in an emergency (name and phone)?"),
                    mapping=M.EMERGENCY_CONTACT,
                ),
                Question(K.SHORT_TEXT, _("Your pronouns (optional)"), mapping=M.PRONOUNS),
                Question(
                    K.MULTIPLE_CHOICE,
                    _("Consent"),
                    choices=(
                        _("I understand that coaching is not therapy or counselling."),
                        _("I agree that my coach keeps notes of our sessions."),
                        _("I agree to be contacted by email about our sessions."),
                    ),
                ),
            ),
        ),
        Shipped(
            PREPARATION,
            _("Preparing for our next session"),
            _("A few minutes before we meet: what you write here is beside me as we talk."),
            (
                Question(
                    K.LONG_TEXT,
                    _("What do you want to get from our next session?"),
                    required=True,
                ),
                Question(K.LONG_TEXT, _("What has happened since we last met?")),
                Question(
                    K.LONG_TEXT,
                    _("Which of the actions we agreed did you take, and what did you learn?"),
                ),
            ),
        ),
        Shipped(
            MIDPOINT,
            _("Halfway feedback"),
            _("We are halfway through. Your honest view helps me make the rest count."),
            (
                Question(
                    K.SCALE,
                    _("How useful have our sessions been so far, from 0 to 10?"),
                    in_report=True,
                ),
                Question(K.LONG_TEXT, _("What is working well for you?")),
                Question(K.LONG_TEXT, _("What would you like us to do differently?")),
                Question(K.YES_NO, _("Are we still working on the right goals?")),
            ),
        ),
        Shipped(
            EVALUATION,
            _("End of our coaching: evaluation"),
            _("Thank you for our work together. Looking back helps you keep what you gained."),
            (
                Question(
                    K.SCALE,
                    _("How much progress have you made on this goal, from 0 to 10?"),
                    mapping=M.EACH_GOAL,
                    in_report=True,
                    sponsor_shareable=True,
                ),
                Question(
                    K.LONG_TEXT,
                    _("For each of your goals: where are you now, and what changed?"),
                    in_report=True,
                ),
                Question(K.LONG_TEXT, _("What helped you most?")),
                Question(K.LONG_TEXT, _("What should I change for future clients?")),
                Question(
                    K.LONG_TEXT,
                    _("Would you write a few words about our work that I may share?"),
                    mapping=M.TESTIMONIAL,
                ),
                Question(
                    K.YES_NO,
                    _(
                        "May I quote these words, with your first name, on my website and"
                        " materials?"
                    ),
                    mapping=M.QUOTE_CONSENT,
                ),
                Question(K.YES_NO, _("May I keep in touch with you from time to time?")),
            ),
        ),
    ]
