import pytest

from claimcare_desktop.domain.pinyin import name_search_keys


@pytest.mark.parametrize("name, keys", [
    ("张伟", ("zhangwei", "zw")),
    ("曾国藩", ("zengguofan", "zgf")),
    ("单田芳", ("shantianfang", "stf")),
    ("吕布", ("lvbu", "lb")),
    ("买买提·艾力", ("maimaitiaili", "mmtal")),
    ("王 小明", ("wangxiaoming", "wxm")),
    ("Tom 张", ("tomzhang", "tz")),
    ("", ("", "")),
    (None, ("", "")),
])
def test_name_search_keys(name, keys):
    assert name_search_keys(name) == keys
