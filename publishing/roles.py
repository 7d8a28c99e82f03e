"""Editorial roles: Editor writes drafts, Medical reviewer records reviews, Publisher publishes.

Created by a data migration and kept in step by `manage.py sync_roles`.
"""

from django.apps import apps as global_apps

CONTENT = {"treatments": ["treatment", "faq", "treatmentcombination"], "articles": ["article"]}
VOCABULARY = {
    "treatments": ["category", "concern", "bodyarea", "providertype"],
    "articles": ["author", "tag"],
}


def _codenames(models, actions):
    return [
        (app, f"{action}_{model}")
        for app, names in models.items()
        for model in names
        for action in actions
    ]


WRITE = ["add", "change", "view"]
ROLES = {
    "Editor": _codenames(CONTENT, WRITE)
    + _codenames(VOCABULARY, WRITE)
    + [("treatments", "delete_faq"), ("treatments", "delete_treatmentcombination"),
       ("publishing", "view_reviewer")],
    "Medical reviewer": _codenames(CONTENT, ["change", "view"])
    + _codenames(VOCABULARY, ["view"])
    + [("treatments", "review_treatment"), ("articles", "review_article"),
       ("publishing", "add_reviewer"), ("publishing", "change_reviewer"),
       ("publishing", "view_reviewer")],
    "Publisher": _codenames(CONTENT, [*WRITE, "delete"])
    + _codenames(VOCABULARY, [*WRITE, "delete"])
    + [("treatments", "publish_treatment"), ("articles", "publish_article"),
       ("publishing", "view_reviewer")],
}  # fmt: skip


def sync_roles(apps=global_apps):
    """Create the role groups and give them exactly their permissions."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():  # during migrate, permissions come later
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set(
            [
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
                for app_label, codename in codenames
            ]
        )
