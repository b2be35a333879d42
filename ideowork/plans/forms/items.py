from django import forms

__all__ = ["ItemForm", "PreviewItemForm"]


class ItemForm(forms.Form):
    """A saved item's number, title and text."""

    number = forms.IntegerField(label="序号", min_value=1, max_value=999,
                                error_messages={"required": "请填写序号。", "invalid": "序号须为整数。"})
    title = forms.CharField(label="工作任务", max_length=300, error_messages={"required": "请填写工作任务。"})
    text = forms.CharField(label="具体内容", required=False, widget=forms.Textarea(attrs={"rows": 10}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["number"].widget.attrs["class"] = "narrow"


class PreviewItemForm(forms.Form):
    """An item in the import preview: its number and title may be corrected, or it may be left out."""

    number = forms.IntegerField(label="序号", min_value=1, max_value=999,
                                error_messages={"required": "请填写序号。", "invalid": "序号须为整数。"})
    title = forms.CharField(label="工作任务", max_length=300, error_messages={"required": "请填写工作任务。"})
    delete = forms.BooleanField(label="不导入此条", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["number"].widget.attrs["class"] = "num-input"
        self.fields["title"].widget.attrs["class"] = "item-title-input"

    @property
    def deleted(self) -> bool:
        return self.is_bound and self.data.get(self.add_prefix("delete")) in ("on", "true", "1")
