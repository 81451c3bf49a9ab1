import sys

from claimcare_desktop.cli import main

sys.exit(main())
