"""GB 3304 nation codes as printed on the resident ID card, shown with 族 (汉族).

Codes 97 and 98 are not 民族 names and are shown as they are.
"""

from __future__ import annotations

_NAMES = ["汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺"]

#: "01" → "汉族" … "56" → "基诺族", plus 97 and 98.
NATIONS: dict[str, str] = {f"{i:02d}": f"{name}族" for i, name in enumerate(_NAMES, start=1)}
NATIONS["97"] = "其他"
NATIONS["98"] = "外国血统中国籍人士"

_CODES_BY_NAME = {name: code for code, name in NATIONS.items()}


def nation_name(code: str) -> str:
    """The display name for a 2-digit code; '' for an empty or unknown code.

    An unknown code is not an error: the card was read correctly and the clerk can
    still serve the person; the raw code stays on the record as ``nation_code``.
    """
    return NATIONS.get(code.strip(), "")


def nation_code(name: str) -> str:
    """The 2-digit code for a display name ('汉族' or '汉'); '' when unknown."""
    name = name.strip()
    return _CODES_BY_NAME.get(name) or _CODES_BY_NAME.get(f"{name}族", "")
