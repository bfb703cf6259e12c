"""The collection: the engine's :class:`collector.pipeline.Collection` in a worker."""

from __future__ import annotations

from dataclasses import dataclass

from ui import tasks
from ui.state.run import TaskRun


@dataclass
class Streamed:
    """Bytes of the archive already at the desk while it is still being collected."""

    bytes: int = 0


class CollectionRun(TaskRun):
    """``progress(collector.pipeline.ProgressEvent)``, ``done(CollectResult)``, ``failed(exc)``."""

    def start(self, root, detection, options, *, send: bool = False) -> tasks.Task:
        """``send``: the bundle is to be sent once made («Собрать и отправить»): with an upload
        server its finished volumes go while the rest is collected (``Streamed`` progress)."""
        from collector.pipeline import Collection
        from collector.redact import register_secret

        register_secret(options.password)
        self.result = None

        def work(t: tasks.Task):
            if send:
                from collector.delivery.overlap import SendWhileCollecting
                from collector.settings import load_settings

                streamed = Streamed()

                def sent(n: int) -> None:
                    streamed.bytes += n
                    t.progress(Streamed(streamed.bytes))

                options.delivery = SendWhileCollecting(load_settings(), cancel=t.cancel,
                                                       on_sent=sent)
            try:
                return collect(t)
            finally:
                if options.delivery is not None:
                    options.delivery.close()

        def collect(t: tasks.Task):
            last = {"step": None}

            def progress(ev) -> None:
                # A step's start and end always get through (a quick step would vanish between
                # two thinned-out events); the ticks in between are thinned.
                edge = ev.step != last["step"] or ev.step_fraction in (0.0, 1.0)
                last["step"] = ev.step
                t.progress(ev, force=edge)

            # The engine makes the folder itself, after checking it is not one of GBS.Market's.
            job = Collection(root, options, progress=progress, cancel=t.cancel,
                             detection=detection)
            return job.run()

        return self._launch(work, "collect", 0.05)
