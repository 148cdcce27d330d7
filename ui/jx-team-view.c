/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jx-core.h"
#include "jx-team-view.h"

/* The Team view. Until its feature is built it shows an honest empty state; it already
 * takes the window's context like every view. */

struct _JxTeamView {
  AdwBin     parent_instance;
  JxContext *context;
};

G_DEFINE_FINAL_TYPE (JxTeamView, jx_team_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jx_team_view_dispose (GObject *object)
{
  JxTeamView *self = JX_TEAM_VIEW (object);

  g_clear_object (&self->context);
  G_OBJECT_CLASS (jx_team_view_parent_class)->dispose (object);
}

static void
jx_team_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  JxTeamView *self = JX_TEAM_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_team_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  JxTeamView *self = JX_TEAM_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_set_object (&self->context, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_team_view_class_init (JxTeamViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jx_team_view_dispose;
  object_class->get_property = jx_team_view_get_property;
  object_class->set_property = jx_team_view_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, JX_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jingxi/Jingxi/ui/jx-team-view.ui");
}

static void
jx_team_view_init (JxTeamView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
