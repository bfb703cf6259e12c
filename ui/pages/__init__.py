"""The wizard's pages, in the desk's order."""

from ui.pages.collect import CollectPage
from ui.pages.contacts import ContactsPage
from ui.pages.date import DatePage
from ui.pages.include import IncludePage
from ui.pages.questions import QuestionsPage
from ui.pages.result import ResultPage
from ui.pages.review import ReviewPage
from ui.pages.start import StartPage
from ui.pages.topic import TopicPage

PAGE_CLASSES = {
    "start": StartPage,
    "topic": TopicPage,
    "questions": QuestionsPage,
    "date": DatePage,
    "include": IncludePage,
    "contacts": ContactsPage,
    "review": ReviewPage,
    "collect": CollectPage,
    "result": ResultPage,
}
PAGE_NAMES = list(PAGE_CLASSES)
