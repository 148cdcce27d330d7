/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jx-view.h"

/*
 * The base of every view in the window's stack. The window hands each view the context;
 * JxView follows the context's database and tells the view through JxViewClass.set_store
 * whenever another database is opened, so each view only says what it does with one.
 */

typedef struct {
  JxContext *context;
  JxStore   *store;
} JxViewPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (JxView, jx_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
follow_store (JxView *self)
{
  JxViewPrivate *priv = jx_view_get_instance_private (self);
  JxStore *store = priv->context != NULL ? jx_context_get_store (priv->context) : NULL;

  if (store == priv->store)
    return;
  g_set_object (&priv->store, store);
  if (JX_VIEW_GET_CLASS (self)->set_store != NULL)
    JX_VIEW_GET_CLASS (self)->set_store (self, store);
}

/**
 * jx_view_set_context:
 *
 * The window sets the context when it builds its views; a view's dispose sets %NULL first,
 * so that its set_store() runs while its widgets still exist.
 */
void
jx_view_set_context (JxView    *self,
                     JxContext *context)
{
  JxViewPrivate *priv = jx_view_get_instance_private (self);

  g_return_if_fail (JX_IS_VIEW (self));

  if (priv->context == context)
    return;
  if (priv->context != NULL)
    g_signal_handlers_disconnect_by_func (priv->context, follow_store, self);
  g_set_object (&priv->context, context);
  if (context != NULL)
    g_signal_connect_swapped (context, "notify::store", G_CALLBACK (follow_store), self);
  follow_store (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

JxContext *
jx_view_get_context (JxView *self)
{
  JxViewPrivate *priv = jx_view_get_instance_private (self);

  g_return_val_if_fail (JX_IS_VIEW (self), NULL);

  return priv->context;
}

/* The database the view shows, or %NULL. */
JxStore *
jx_view_get_store (JxView *self)
{
  JxViewPrivate *priv = jx_view_get_instance_private (self);

  g_return_val_if_fail (JX_IS_VIEW (self), NULL);

  return priv->store;
}

/* Today by the context's clock (the system date, or --today). */
void
jx_view_get_today (JxView *self,
                   GDate  *today)
{
  JxViewPrivate *priv = jx_view_get_instance_private (self);

  g_return_if_fail (JX_IS_VIEW (self));
  g_return_if_fail (priv->context != NULL);

  jx_context_get_today (priv->context, today);
}

static void
jx_view_dispose (GObject *object)
{
  jx_view_set_context (JX_VIEW (object), NULL);
  G_OBJECT_CLASS (jx_view_parent_class)->dispose (object);
}

static void
jx_view_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  JxView *self = JX_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, jx_view_get_context (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_view_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  JxView *self = JX_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      jx_view_set_context (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_view_class_init (JxViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jx_view_dispose;
  object_class->get_property = jx_view_get_property;
  object_class->set_property = jx_view_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, JX_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jx_view_init (JxView *self)
{
}
