"""The form for a new API client (接口客户端)."""

from datetime import datetime, time

from django import forms
from django.utils import timezone

from ..capabilities import capabilities
from .fields import OrgUnitChoiceField
from .pickers import TickListPicker

__all__ = ["ApiClientForm"]


def _capability_choices():
    return [(capability.code, f"{capability.label}（{capability.code}）") for capability in capabilities()]


class ApiClientForm(forms.Form):
    name = forms.CharField(label="名称", max_length=100, help_text="如“舆情采集网关”，便于在日志中识别。")
    org_unit = OrgUnitChoiceField(label="所属单位", help_text="客户端代表该单位调用接口，只能读写该单位范围内的数据。")
    capabilities = forms.MultipleChoiceField(label="权限", required=False, choices=_capability_choices,
                                             widget=TickListPicker(unit="项", placeholder="输入关键字筛选权限"))
    expires_on = forms.DateField(label="有效期至", required=False, help_text="留空表示长期有效；到期当日结束时失效。",
                                 widget=forms.DateInput(attrs={"type": "date"}))
    allowed_addresses = forms.CharField(label="允许的来源地址", required=False,
                                        widget=forms.Textarea(attrs={"rows": 3}),
                                        help_text="每行一个地址或网段（如 10.1.2.0/24）；留空表示不限。")

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        expires_on = data.get("expires_on")
        expires_at = (timezone.make_aware(datetime.combine(expires_on, time.max)) if expires_on else None)
        return {"name": data["name"].strip(), "org_unit": data["org_unit"], "capabilities": data["capabilities"],
                "expires_at": expires_at, "allowed_addresses": data.get("allowed_addresses", "")}
