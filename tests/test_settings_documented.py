"""Every setting is documented in the README's configuration table (datasette's habit)."""

from pathlib import Path

from schaatsradar.settings import Settings

README = Path(__file__).parent.parent / "README.md"


def test_every_setting_is_in_the_readme():
    readme = README.read_text()
    missing = [
        f"SCHAATSRADAR_{name.upper()}"
        for name in Settings.model_fields
        if f"`SCHAATSRADAR_{name.upper()}`" not in readme
    ]
    assert missing == []
