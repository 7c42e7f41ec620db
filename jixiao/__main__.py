"""``python -m jixiao``: the same CLI as the ``jixiao`` command, handy inside a source checkout."""
from jixiao.cli import main

if __name__ == "__main__":
    main()
