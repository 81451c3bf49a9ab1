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


def test_pypinyin_loads_only_when_a_name_is_keyed():
    """Its tables cost ~170 ms of CPU; opening a profile or searching must not pay it
    (the sign-in dialog freezes while the profile opens behind it)."""
    import subprocess
    import sys

    probe = ("import sys\nimport claimcare_desktop.store.customer_search, claimcare_desktop.store.db\n"
             "before = 'pypinyin' in sys.modules\n"
             "from claimcare_desktop.domain.pinyin import name_search_keys\n"
             "print(before, name_search_keys('张伟'), 'pypinyin' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["False", "('zhangwei',", "'zw')", "True"]
