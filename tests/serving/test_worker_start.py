"""What a gunicorn worker does once it has loaded the platform (hallowerk/gunicorn_conf.py)."""

import gc


def test_a_started_worker_keeps_its_loaded_objects_out_of_the_garbage_collection(monkeypatch):
    monkeypatch.setenv("DATABASE_POOL", "")  # the configuration sets it; put back afterwards
    from hallowerk import gunicorn_conf

    assert gc.get_freeze_count() == 0
    try:
        gunicorn_conf.post_worker_init(worker=None)
        assert gc.get_freeze_count() > 10_000  # the modules, URL patterns and the catalogue
    finally:
        gc.unfreeze()
