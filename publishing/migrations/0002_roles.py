"""Editorial roles: Editor writes drafts, Medical reviewer records reviews, Publisher publishes."""

from django.db import migrations

CONTENT = {"treatments": ["treatment", "faq", "treatmentcombination"], "articles": ["article"]}
VOCABULARY = {
    "treatments": ["category", "concern", "bodyarea", "providertype"],
    "articles": ["author", "tag"],
}


def _codenames(models, actions):
    return [(app, f"{action}_{model}") for app, names in models.items() for model in names for action in actions]


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


def create_roles(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():  # permissions normally appear after migrate
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=role)
        for app_label, codename in codenames:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0001_initial"),
        ("treatments", "0001_initial"),
        ("articles", "0002_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
