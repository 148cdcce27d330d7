/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jx-core.h"
#include "jx-pending-view.h"

/* An honest empty state for a view whose feature is not built yet. */

struct _JxPendingView {
  AdwBin         parent_instance;
  AdwStatusPage *status_page;
  JxContext     *context;
};

G_DEFINE_FINAL_TYPE (JxPendingView, jx_pending_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_ICON_NAME,
  PROP_TITLE,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jx_pending_view_dispose (GObject *object)
{
  JxPendingView *self = JX_PENDING_VIEW (object);

  g_clear_object (&self->context);
  G_OBJECT_CLASS (jx_pending_view_parent_class)->dispose (object);
}

static void
jx_pending_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  JxPendingView *self = JX_PENDING_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, adw_status_page_get_icon_name (self->status_page));
      break;
    case PROP_TITLE:
      g_value_set_string (value, adw_status_page_get_title (self->status_page));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, adw_status_page_get_description (self->status_page));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_pending_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  JxPendingView *self = JX_PENDING_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_set_object (&self->context, g_value_get_object (value));
      break;
    case PROP_ICON_NAME:
      adw_status_page_set_icon_name (self->status_page, g_value_get_string (value));
      break;
    case PROP_TITLE:
      adw_status_page_set_title (self->status_page, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      adw_status_page_set_description (self->status_page, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_pending_view_class_init (JxPendingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jx_pending_view_dispose;
  object_class->get_property = jx_pending_view_get_property;
  object_class->set_property = jx_pending_view_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, JX_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jingxi/Jingxi/ui/jx-pending-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JxPendingView, status_page);
}

static void
jx_pending_view_init (JxPendingView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
