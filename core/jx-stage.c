/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jx-stage.h"

struct _JxStage {
  GObject      parent_instance;

  gint64       id;
  char        *name;
  JxStageKind  kind;
  int          position;
  int          probability;
  char        *milestone;
  int          stalled_days;
  int          suggested_stalled_days;
  gboolean     in_use;
};

G_DEFINE_FINAL_TYPE (JxStage, jx_stage, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_POSITION,
  PROP_PROBABILITY,
  PROP_MILESTONE,
  PROP_STALLED_DAYS,
  PROP_SUGGESTED_STALLED_DAYS,
  PROP_IN_USE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jx_stage_finalize (GObject *object)
{
  JxStage *self = (JxStage *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->milestone, g_free);

  G_OBJECT_CLASS (jx_stage_parent_class)->finalize (object);
}

static void
jx_stage_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  JxStage *self = JX_STAGE (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_KIND: g_value_set_int (value, self->kind); break;
    case PROP_POSITION: g_value_set_int (value, self->position); break;
    case PROP_PROBABILITY: g_value_set_int (value, self->probability); break;
    case PROP_MILESTONE: g_value_set_string (value, self->milestone); break;
    case PROP_STALLED_DAYS: g_value_set_int (value, self->stalled_days); break;
    case PROP_SUGGESTED_STALLED_DAYS: g_value_set_int (value, self->suggested_stalled_days); break;
    case PROP_IN_USE: g_value_set_boolean (value, self->in_use); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_stage_class_init (JxStageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = jx_stage_finalize;
  object_class->get_property = jx_stage_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, 0, 2, 0, flags);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_PROBABILITY] = g_param_spec_int ("probability", NULL, NULL, 0, 100, 0, flags);
  properties[PROP_MILESTONE] = g_param_spec_string ("milestone", NULL, NULL, NULL, flags);
  /* 0 when not set: the suggestion from history applies. */
  properties[PROP_STALLED_DAYS] =
    g_param_spec_int ("stalled-days", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_SUGGESTED_STALLED_DAYS] =
    g_param_spec_int ("suggested-stalled-days", NULL, NULL, 0, G_MAXINT, 0, flags);
  /* Deals or their history refer to the stage, so it cannot be deleted. */
  properties[PROP_IN_USE] = g_param_spec_boolean ("in-use", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jx_stage_init (JxStage *self)
{
}

JxStage *
jx_stage_new (gint64       id,
              const char  *name,
              JxStageKind  kind,
              int          position,
              int          probability,
              const char  *milestone,
              int          stalled_days,
              int          suggested_stalled_days,
              gboolean     in_use)
{
  JxStage *self = g_object_new (JX_TYPE_STAGE, NULL);

  self->id = id;
  self->name = g_strdup (name);
  self->kind = kind;
  self->position = position;
  self->probability = probability;
  self->milestone = g_strdup (milestone != NULL ? milestone : "");
  self->stalled_days = stalled_days;
  self->suggested_stalled_days = suggested_stalled_days;
  self->in_use = in_use;
  return self;
}

gint64
jx_stage_get_id (JxStage *self)
{
  g_return_val_if_fail (JX_IS_STAGE (self), 0);

  return self->id;
}

const char *
jx_stage_get_name (JxStage *self)
{
  g_return_val_if_fail (JX_IS_STAGE (self), NULL);

  return self->name;
}

JxStageKind
jx_stage_get_kind (JxStage *self)
{
  g_return_val_if_fail (JX_IS_STAGE (self), 0);

  return self->kind;
}

int
jx_stage_get_position (JxStage *self)
{
  g_return_val_if_fail (JX_IS_STAGE (self), 0);

  return self->position;
}

int
jx_stage_get_probability (JxStage *self)
{
  g_return_val_if_fail (JX_IS_STAGE (self), 0);

  return self->probability;
}

const char *
jx_stage_get_milestone (JxStage *self)
{
  g_return_val_if_fail (JX_IS_STAGE (self), NULL);

  return self->milestone;
}

int
jx_stage_get_stalled_days (JxStage *self)
{
  g_return_val_if_fail (JX_IS_STAGE (self), 0);

  return self->stalled_days;
}

int
jx_stage_get_suggested_stalled_days (JxStage *self)
{
  g_return_val_if_fail (JX_IS_STAGE (self), 0);

  return self->suggested_stalled_days;
}

gboolean
jx_stage_get_in_use (JxStage *self)
{
  g_return_val_if_fail (JX_IS_STAGE (self), FALSE);

  return self->in_use;
}
