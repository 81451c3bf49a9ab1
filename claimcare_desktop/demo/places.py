"""The branches the demo can create, each with the places of its city.

`id_regions` are resident-ID region codes of the city's districts; `old_region` is the
city's pre-1983 "市区" code, valid for people born before the districts got their own.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BranchSite:
    code: str
    name: str
    city: str  # as written in an address: 上海市, 北京市, 广州市 ...
    districts: tuple[str, ...]
    id_regions: tuple[str, ...]
    old_region: str


STREETS = (
    "人民路", "解放路", "中山路", "建设路", "和平路", "新华路", "长江路", "黄河路", "文化路",
    "青年路", "光明路", "友谊路", "胜利路", "朝阳路", "东风路", "花园路", "学府路", "滨江路",
    "振兴路", "幸福路", "公园路", "环城路", "金桥路", "世纪大道", "南京路", "湖滨路",
)
COMPOUNDS = (
    "阳光花园", "锦绣家园", "金色家园", "翠苑", "绿地小区", "东方名城", "华庭", "新村",
    "城市花园", "丽景苑", "万科城", "碧桂园", "龙湖天街", "和谐家园", "御景湾",
)

SITES: tuple[BranchSite, ...] = (
    BranchSite("sh01", "上海浦东支公司", "上海市",
               ("浦东新区", "徐汇区", "长宁区", "静安区", "普陀区", "虹口区", "杨浦区", "闵行区"),
               ("310104", "310105", "310106", "310107", "310109", "310110", "310112",
                "310113"), "310104"),
    BranchSite("bj01", "北京朝阳支公司", "北京市",
               ("朝阳区", "东城区", "西城区", "丰台区", "海淀区"),
               ("110105", "110101", "110102", "110106", "110108"), "110105"),
    BranchSite("gz01", "广州天河支公司", "广州市",
               ("天河区", "荔湾区", "越秀区", "海珠区", "白云区", "黄埔区"),
               ("440106", "440103", "440104", "440105", "440111", "440112"), "440120"),
    BranchSite("hz01", "杭州西湖支公司", "杭州市",
               ("西湖区", "上城区", "拱墅区"), ("330106", "330102", "330105"), "330120"),
    BranchSite("cd01", "成都武侯支公司", "成都市",
               ("武侯区", "锦江区", "青羊区", "金牛区", "成华区"),
               ("510107", "510104", "510105", "510106", "510108"), "510120"),
    BranchSite("wh01", "武汉武昌支公司", "武汉市",
               ("武昌区", "江岸区", "江汉区", "硚口区", "洪山区"),
               ("420106", "420102", "420103", "420104", "420111"), "420120"),
    BranchSite("nj01", "南京玄武支公司", "南京市",
               ("玄武区", "秦淮区", "建邺区", "鼓楼区", "浦口区"),
               ("320102", "320104", "320105", "320106", "320111"), "320120"),
    BranchSite("xa01", "西安雁塔支公司", "西安市",
               ("雁塔区", "新城区", "碑林区", "莲湖区", "未央区"),
               ("610113", "610102", "610103", "610104", "610112"), "610120"),
    BranchSite("sz01", "深圳福田支公司", "深圳市",
               ("福田区", "罗湖区", "南山区"), ("440304", "440303", "440305"), "440320"),
    BranchSite("tj01", "天津和平支公司", "天津市",
               ("和平区", "河东区", "河西区", "南开区", "河北区", "红桥区"),
               ("120101", "120102", "120103", "120104", "120105", "120106"), "120101"),
)


def branch_site(index: int) -> BranchSite:
    """The index-th branch; past the catalogue, codes continue as sh02, bj02, ..."""
    base = SITES[index % len(SITES)]
    round_ = index // len(SITES)
    if round_ == 0:
        return base
    number = round_ + 1
    prefix = base.code[:-2]
    return BranchSite(f"{prefix}{number:02d}", base.name.replace("支公司", f"第{number}支公司"),
                      base.city, base.districts, base.id_regions, base.old_region)
