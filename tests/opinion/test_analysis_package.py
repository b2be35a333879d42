"""The analysis package is pure Python: the ingestion service and the benches use it without Django."""

import subprocess
import sys
from pathlib import Path


def test_the_package_needs_no_django():
    code = ("import sys; sys.modules['django'] = None\n"
            "from ideowork.opinion.analysis import analyse\n"
            "print(analyse('群众点赞', '办事很便捷。').sentiment.label)")
    done = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[2], capture_output=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode().strip() == "positive"
