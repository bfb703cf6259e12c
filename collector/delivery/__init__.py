"""Delivery: the desk's intake (a task number per request), the tus upload for large files and
partners, the send-later outbox, the e-mail draft.

Public API for the GUI and the lead:
- ``Sender(settings, intake_url=, upload_url=, token=, on_progress=)``: ``.send(bundle_or_entry,
  password, request_text=) -> SendResult`` (``.request_number``, ``.summary()``), ``.cancel()``
  from any thread. Raises ``DeliveryError`` (``MaybeDelivered`` when the desk may have it;
  ``OtherDesk`` for a build with its own desk, with ``.desk``; ``DemoNotSent`` for a demo bundle
  with no server on this PC).
- ``Outbox()``: ``.pending()`` (offer at start), ``.entries()``, ``.add(bundle)``,
  ``.remove(id, delete_files=)``.
- ``last_request_code()``: the previous request number for a follow-up.
- ``write_drafts(bundle, to=, limit_mb=, request_text=, password=) -> DraftResult``.
- ``open_in_mail_client(path)``, ``reveal_in_file_manager(path)`` -> ``HandOff``.
"""

from collector.delivery.bundlefile import BundleFiles, BundleInfo, find_bundle, read_bundle_info
from collector.delivery.email_draft import DraftResult, write_drafts
from collector.delivery.intake import MaybeDelivered
from collector.delivery.mailclient import HandOff, open_in_mail_client, reveal_in_file_manager
from collector.delivery.outbox import Outbox, OutboxEntry
from collector.delivery.send import DemoNotSent, OtherDesk, Sender, SendResult
from collector.delivery.state import last_request_code, request_history
from collector.delivery.tus import DeliveryError, NetworkDown, Progress, TooLarge
from collector.delivery.upload import Uploader, UploadResult, uploader_from_settings

__all__ = [
    "BundleFiles", "BundleInfo", "DeliveryError", "DemoNotSent", "DraftResult", "HandOff",
    "MaybeDelivered", "NetworkDown", "OtherDesk", "Outbox", "OutboxEntry", "Progress",
    "SendResult", "Sender", "TooLarge",
    "UploadResult", "Uploader", "find_bundle", "last_request_code", "open_in_mail_client",
    "read_bundle_info", "request_history", "reveal_in_file_manager", "uploader_from_settings",
    "write_drafts",
]
