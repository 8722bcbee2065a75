from bruecke.lib.gunicorn_logger import mask


def test_feed_tokens_never_reach_the_access_log():
    assert mask("GET /kalender/abcDEF_123-x.ics HTTP/1.1") == "GET /kalender/***.ics HTTP/1.1"
    assert mask("GET /faelle/ HTTP/1.1") == "GET /faelle/ HTTP/1.1"
