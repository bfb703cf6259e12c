"""The collection: the engine's :class:`collector.pipeline.Collection` in a worker."""

from __future__ import annotations

from ui import tasks
from ui.state.run import TaskRun


class CollectionRun(TaskRun):
    """``progress(collector.pipeline.ProgressEvent)``, ``done(CollectResult)``, ``failed(exc)``."""

    def start(self, root, detection, options) -> tasks.Task:
        from collector.pipeline import Collection
        from collector.redact import register_secret

        register_secret(options.password)
        self.result = None

        def work(t: tasks.Task):
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
