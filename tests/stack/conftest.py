import pytest

from tests import local_stack


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    running = local_stack.start(tmp_path_factory.mktemp("stack") / "datos")
    yield running
    running.stop()
