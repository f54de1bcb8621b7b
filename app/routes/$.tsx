// Any unknown URL: the 404 page inside the app shell.
import { notFound } from "~/lib/errors";
import { errorPage } from "~/lib/errors.server";

export const handle = { access: "public" };

export async function loader() {
  throw errorPage(notFound());
}

export async function action() {
  throw errorPage(notFound());
}

export default function NotFound() {
  return null;
}
