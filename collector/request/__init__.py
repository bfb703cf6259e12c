"""The question form: model (``FORM.json``), the support desk's rules, ``request.txt``.

The desk's guideline ``support-request-guidelines.ru.txt`` is the specification. Every rule in it
is a behaviour here; ``docs/REQUEST_RULES.md`` lists which rule maps to which behaviour and test.
In short (rule numbers as in that document):

 1. knowledge base first → advice ``kb.search``.
 2. current version, quoted exactly → version taken from Market.exe; outdated → warning, sending
    allowed; "у меня последняя версия" in a question → advice.
 3. no duplicates over several channels → warning when a request of the same topic was sent from
    this PC recently without the previous number; advice.
 4. long wait → call, or write again with the previous number → ``previous_request``, rendered.
 5. no voice messages → audio attachments (by extension or content) are errors; "call instead".
 6. an error → logs of its day → ``problem_date`` required for ``errors``, checked against the
    days that have logs.
 7. situations with data → database backup → ``symptoms`` pre-select the database; words in the
    questions suggest symptoms.
 8. several questions → numbered list; one item holding several → warning.
 9. large questions → separate requests → thresholds in :data:`RULES`.
10. one topic (queue) per request → ``topic`` required; a question of another queue → warning.
11. answer every question fully, not "Да" → yes-only answers → warning.
12. no personal messages to employees → no recipient field at all; advice.
13. licence → GBS.ID as copied text (or a photo with the QR) → found by the tool, never typed,
    with its QR; licensing without it → error; payment questions → receipt advice.

Severities: ``error`` (cannot be sent like this), ``warning`` (the desk will likely ask
again — sending stays possible), ``info`` (advice, from :func:`advise`). Every message is Russian,
bound to a field: ``topic``, ``problem_date``, ``questions``, ``questions[i]``,
``previous_request``, ``symptoms``, ``include_database``, ``contact``,
``contact.email|phone|telegram|name``, ``attachments``, ``attachments[i]``, ``version``, ``gbs_id``.

The package: :mod:`.model` (the form, its reading, the context), :mod:`.contacts`,
:mod:`.rules` (``validate``, ``advise``), :mod:`.render` (``request.txt``).
"""

from collector.request.contacts import (
    email_problem,
    format_phone,
    normalize_email,
    normalize_phone,
    normalize_previous_request,
    normalize_telegram,
    normalized_contact,
    phone_problem,
    telegram_problem,
)
from collector.request.model import (
    CONTACT_KEYS,
    DATA_SYMPTOMS,
    FORM_KEYS,
    RULES,
    SYMPTOMS,
    TEMPLATE_QUESTIONS,
    TOPICS,
    Contact,
    FormError,
    Problem,
    RequestContext,
    RequestForm,
    Rules,
    SentRequest,
    clean_question,
    clean_text,
    effective_include_database,
    parse_date,
    parse_form,
    read_form_file,
    recommend_database,
    split_questions,
)
from collector.request.render import (
    describe_bundle_entries,
    planned_attachments,
    render_request_text,
)
from collector.request.rules import (
    KNOWLEDGE_BASE,
    advise,
    attachment_name,
    database_reason,
    guess_topics,
    has_errors,
    is_audio,
    suggest_symptoms,
    validate,
)

__all__ = [
    "CONTACT_KEYS", "DATA_SYMPTOMS", "FORM_KEYS", "KNOWLEDGE_BASE", "RULES", "SYMPTOMS",
    "TEMPLATE_QUESTIONS", "TOPICS",
    "Contact", "FormError", "Problem", "RequestContext", "RequestForm", "Rules", "SentRequest",
    "advise", "attachment_name", "clean_question", "clean_text", "database_reason",
    "describe_bundle_entries", "effective_include_database", "email_problem", "format_phone",
    "guess_topics", "has_errors", "is_audio", "normalize_email", "normalize_phone",
    "normalize_previous_request", "normalize_telegram", "normalized_contact", "parse_date",
    "parse_form", "phone_problem", "planned_attachments", "read_form_file",
    "recommend_database", "render_request_text", "split_questions", "suggest_symptoms",
    "telegram_problem", "validate",
]
