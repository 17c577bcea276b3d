import { redirect } from "next/navigation";
import { getCurrentSession } from "@/auth/session";

export default async function Home() {
  redirect((await getCurrentSession()) ? "/settings/team" : "/login");
}
