/* Macros spatch needs to parse the gadget demo tree: none yet, the file must exist. */
