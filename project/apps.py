from django.contrib.admin.apps import AdminConfig


class ContentAdminConfig(AdminConfig):
    """django.contrib.admin with our site (sign-in protections) as `admin.site`."""

    default_site = "project.admin_site.ContentAdminSite"
