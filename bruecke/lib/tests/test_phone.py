from bruecke.lib.phone import tel_uri


def test_german_numbers_become_international():
    assert tel_uri("0231 50-11580") == "+492315011580"
    assert tel_uri("(0234) 910-0") == "+492349100"


def test_international_numbers_stay():
    assert tel_uri("+49 231 123") == "+49231123"
    assert tel_uri("0049 231 123") == "+49231123"
