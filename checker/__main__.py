"""`python -m checker` is the same as the `somecheck` command; the background service
(checker/autostart/) and the benchmark start the checker this way."""

import gc

gc.disable()                    # the modules are objects that all live on: no sweeps over them
from checker.cli import main    # noqa: E402

gc.freeze()                     # nor later ones (see checker/memory.py)
gc.enable()

raise SystemExit(main())
