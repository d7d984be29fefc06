/** The {@code optimize} and {@code compare} commands: optimal dispatch and policy-versus-optimal on a scenario. */
@NullMarked
package io.minerai.cli.optimize;

import org.jspecify.annotations.NullMarked;
