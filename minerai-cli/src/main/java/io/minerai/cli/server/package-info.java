/** The {@code serve} command: the REST API and dashboard of minerai-server from the command line. */
@NullMarked
package io.minerai.cli.server;

import org.jspecify.annotations.NullMarked;
