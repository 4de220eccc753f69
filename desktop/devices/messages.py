"""What a clerk reads when a device fails: every code of ``devices.errors`` translated.

A driver's exception text is for the log; the clerk gets one short sentence that says
what to do, in the UI language. The source strings are Chinese (the app's language);
``QT_TRANSLATE_NOOP`` marks them for lupdate, :func:`message` translates at run time.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from devices.errors import CODES

CONTEXT = "DeviceMessages"

_KINDS: dict[str, str] = {
    "unavailable": QT_TRANSLATE_NOOP("DeviceMessages", "无法打开端口：设备未连接、端口名错误或无权限"),
    "disconnected": QT_TRANSLATE_NOOP("DeviceMessages", "设备已断开，请检查连接线和电源"),
    "timeout": QT_TRANSLATE_NOOP("DeviceMessages", "设备没有应答，请检查端口和波特率"),
    "protocol": QT_TRANSLATE_NOOP("DeviceMessages", "设备应答无法识别，请确认设备型号和端口"),
    "cancelled": QT_TRANSLATE_NOOP("DeviceMessages", "操作已取消"),
}

_CODES: dict[str, str] = {
    "idcard.no_card": QT_TRANSLATE_NOOP("DeviceMessages", "阅读器上没有身份证"),
    "idcard.select_failed": QT_TRANSLATE_NOOP("DeviceMessages", "请将身份证平放在阅读器上"),
    "idcard.read_failed": QT_TRANSLATE_NOOP("DeviceMessages", "读卡失败，请拿起身份证后重新放置"),
    "idcard.sam_failed": QT_TRANSLATE_NOOP("DeviceMessages", "阅读器安全模块自检失败，请联系管理员"),
    "idcard.status": QT_TRANSLATE_NOOP("DeviceMessages", "阅读器返回异常状态，请拿起身份证后重新放置"),
    "idcard.unsupported_card": QT_TRANSLATE_NOOP("DeviceMessages", "不支持此类证件，请手工录入"),
    "pad.failure": QT_TRANSLATE_NOOP("DeviceMessages", "评价器报告错误，已改用屏幕评价"),
    "pad.bad_key_table": QT_TRANSLATE_NOOP("DeviceMessages", "评价器按键对照表设置有误"),
    "printer.offline": QT_TRANSLATE_NOOP("DeviceMessages", "打印机脱机，请检查电源和连接"),
    "printer.paper_out": QT_TRANSLATE_NOOP("DeviceMessages", "打印机缺纸，请装纸后重新打印"),
    "printer.cover_open": QT_TRANSLATE_NOOP("DeviceMessages", "打印机纸仓盖未关，请合上后重新打印"),
    "printer.error": QT_TRANSLATE_NOOP("DeviceMessages", "打印机故障（切刀或打印头），请检查打印机"),
    "printer.no_status": QT_TRANSLATE_NOOP("DeviceMessages", "打印机不响应状态查询，请检查连接"),
    "printer.missing_driver": QT_TRANSLATE_NOOP(
        "DeviceMessages", "此类打印机连接所需的组件未安装（USB 直连需 yichuang[usb]，"
                          "Windows 打印队列需 yichuang[windows]），请联系管理员"),
    "printer.not_configured": QT_TRANSLATE_NOOP("DeviceMessages", "未配置小票打印机，请另存为PDF"),
}

DEVICE_NAMES: dict[str, str] = {
    "idcard": QT_TRANSLATE_NOOP("DeviceMessages", "身份证阅读器"),
    "pad": QT_TRANSLATE_NOOP("DeviceMessages", "评价器"),
    "scanner": QT_TRANSLATE_NOOP("DeviceMessages", "扫码枪"),
    "printer": QT_TRANSLATE_NOOP("DeviceMessages", "小票打印机"),
}

_UNKNOWN = QT_TRANSLATE_NOOP("DeviceMessages", "设备故障，请手工继续办理")


def tr(text: str) -> str:
    """Translate one of this module's source strings."""
    return QCoreApplication.translate(CONTEXT, text)


def source_text(code: str) -> str:
    """The Chinese source sentence of an error code (untranslated)."""
    if code in _CODES:
        return _CODES[code]
    kind = code.partition(".")[2]
    return _KINDS.get(kind, _UNKNOWN)


def message(code: str) -> str:
    """The clerk's sentence for a ``devices.errors`` code, in the UI language."""
    return tr(source_text(code))


def device_name(device: str) -> str:
    """身份证阅读器 / 评价器 / 扫码枪 / 小票打印机, translated."""
    return tr(DEVICE_NAMES.get(device, device))


def untranslated_codes() -> set[str]:
    """Codes that fall back to the generic sentence (a test keeps this empty)."""
    return {c for c in CODES if source_text(c) == _UNKNOWN}
