/* Macros spatch needs to parse the trees this example series runs on: none so far; the file must exist. */
